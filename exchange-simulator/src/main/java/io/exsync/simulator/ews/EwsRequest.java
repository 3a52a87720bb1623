package io.exsync.simulator.ews;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The parts of an EWS (or Autodiscover) SOAP request the simulator dispatches on: the body's operation, the
 * impersonated or addressed mailbox, the folders, and Autodiscover's users and settings.
 */
public record EwsRequest(String operation, String impersonatedAddress, String folderMailbox, List<String> folders,
                         List<String> users, List<String> settings) {

    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // Requests are untrusted: no DTDs, no external entities.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    /** Parses a SOAP envelope; throws {@link IllegalArgumentException} when it is not one. */
    public static EwsRequest parse(String xml) {
        Document document;
        try {
            DocumentBuilder builder = BUILDERS.get();
            builder.reset();
            document = builder.parse(new InputSource(new StringReader(xml == null ? "" : xml)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML", e);
        }
        Element envelope = document.getDocumentElement();
        Element body = child(envelope, "Body");
        Element operation = body == null ? null : firstElement(body);
        if (operation == null) {
            throw new IllegalArgumentException("no SOAP body");
        }
        String impersonated = null;
        Element header = child(envelope, "Header");
        if (header != null) {
            Element impersonation = child(header, "ExchangeImpersonation");
            Element sid = impersonation == null ? null : child(impersonation, "ConnectingSID");
            if (sid != null) {
                for (String name : List.of("PrimarySmtpAddress", "SmtpAddress", "PrincipalName")) {
                    Element address = child(sid, name);
                    if (address != null && !address.getTextContent().isBlank()) {
                        impersonated = address.getTextContent().trim();
                        break;
                    }
                }
            }
        }
        List<String> folders = new ArrayList<>();
        String folderMailbox = null;
        NodeList distinguished = operation.getElementsByTagNameNS("*", "DistinguishedFolderId");
        for (int i = 0; i < distinguished.getLength(); i++) {
            Element folder = (Element) distinguished.item(i);
            folders.add(folder.getAttribute("Id"));
            Element mailbox = child(folder, "Mailbox");
            Element address = mailbox == null ? null : child(mailbox, "EmailAddress");
            if (address != null && folderMailbox == null) {
                folderMailbox = address.getTextContent().trim();
            }
        }
        NodeList folderIds = operation.getElementsByTagNameNS("*", "FolderId");
        for (int i = 0; i < folderIds.getLength(); i++) {
            folders.add(folderName(((Element) folderIds.item(i)).getAttribute("Id")));
        }
        return new EwsRequest(operation.getLocalName(), impersonated, folderMailbox, folders,
                texts(operation, "Mailbox"), texts(operation, "Setting"));
    }

    /** Folder ids the simulator hands out encode the well-known folder name. */
    public static String folderId(String email, String name) {
        return Base64.getEncoder().encodeToString(("exsync:" + email + ":" + name).getBytes(StandardCharsets.UTF_8));
    }

    static String folderName(String id) {
        try {
            String decoded = new String(Base64.getDecoder().decode(id), StandardCharsets.UTF_8);
            return decoded.startsWith("exsync:") ? decoded.substring(decoded.lastIndexOf(':') + 1) : "unknown";
        } catch (IllegalArgumentException e) {
            return "unknown";
        }
    }

    private static List<String> texts(Element parent, String localName) {
        List<String> values = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (firstElement(element) == null && !element.getTextContent().isBlank()) {
                values.add(element.getTextContent().trim());
            }
        }
        return values;
    }

    private static Element child(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        return null;
    }
}
