package io.exsync.simulator.ews;

import java.util.List;
import java.util.Map;

/** EWS SOAP answers in the shape ews-java-api 2.0 parses (see RUNBOOK "Exchange client libraries"). */
final class EwsXml {

    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String TYPES = "http://schemas.microsoft.com/exchange/services/2006/types";
    static final String MESSAGES = "http://schemas.microsoft.com/exchange/services/2006/messages";
    static final String ERRORS = "http://schemas.microsoft.com/exchange/services/2006/errors";

    /** Every 200 carries ServerVersionInfo; without it ews-java-api fails to deserialize the answer. */
    private static final String START = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<s:Envelope xmlns:s=\"" + SOAP + "\"><s:Header>"
            + "<h:ServerVersionInfo MajorVersion=\"15\" MinorVersion=\"20\" MajorBuildNumber=\"8198\""
            + " MinorBuildNumber=\"25\" Version=\"V2018_01_08\" xmlns:h=\"" + TYPES + "\" xmlns=\"" + TYPES + "\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"/>"
            + "</s:Header><s:Body xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">";
    private static final String END = "</s:Body></s:Envelope>";

    /** Well-known folder → (element, class, display name). */
    private static final Map<String, String[]> FOLDERS = Map.ofEntries(
            Map.entry("inbox", new String[]{"Folder", "IPF.Note", "Inbox"}),
            Map.entry("sentitems", new String[]{"Folder", "IPF.Note", "Sent Items"}),
            Map.entry("drafts", new String[]{"Folder", "IPF.Note", "Drafts"}),
            Map.entry("outbox", new String[]{"Folder", "IPF.Note", "Outbox"}),
            Map.entry("deleteditems", new String[]{"Folder", "IPF.Note", "Deleted Items"}),
            Map.entry("junkemail", new String[]{"Folder", "IPF.Note", "Junk Email"}),
            Map.entry("msgfolderroot", new String[]{"Folder", "IPF.Note", "Top of Information Store"}),
            Map.entry("root", new String[]{"Folder", "IPF.Note", "Root"}),
            Map.entry("calendar", new String[]{"CalendarFolder", "IPF.Appointment", "Calendar"}),
            Map.entry("contacts", new String[]{"ContactsFolder", "IPF.Contact", "Contacts"}),
            Map.entry("tasks", new String[]{"TasksFolder", "IPF.Task", "Tasks"}));

    private EwsXml() {
    }

    static boolean knownFolder(String name) {
        return FOLDERS.containsKey(name);
    }

    static String getFolder(String email, List<String> folders) {
        StringBuilder xml = new StringBuilder(START).append(open("GetFolder"));
        for (String name : folders) {
            String[] folder = FOLDERS.get(name);
            xml.append("<m:GetFolderResponseMessage ResponseClass=\"Success\"><m:ResponseCode>NoError</m:ResponseCode><m:Folders>")
                    .append("<t:").append(folder[0]).append('>')
                    .append("<t:FolderId Id=\"").append(EwsRequest.folderId(email, name)).append("\" ChangeKey=\"AQAAABYAAAA=\"/>")
                    .append("<t:ParentFolderId Id=\"").append(EwsRequest.folderId(email, "msgfolderroot")).append("\" ChangeKey=\"AQAAAA==\"/>")
                    .append("<t:FolderClass>").append(folder[1]).append("</t:FolderClass>")
                    .append("<t:DisplayName>").append(folder[2]).append("</t:DisplayName>")
                    .append("<t:TotalCount>0</t:TotalCount><t:ChildFolderCount>0</t:ChildFolderCount>");
            if ("Folder".equals(folder[0])) {
                xml.append("<t:UnreadCount>0</t:UnreadCount>");
            }
            xml.append("</t:").append(folder[0]).append("></m:Folders></m:GetFolderResponseMessage>");
        }
        return xml.append(close("GetFolder")).append(END).toString();
    }

    static String findItem(int folders) {
        StringBuilder xml = new StringBuilder(START).append(open("FindItem"));
        for (int i = 0; i < Math.max(1, folders); i++) {
            xml.append("<m:FindItemResponseMessage ResponseClass=\"Success\"><m:ResponseCode>NoError</m:ResponseCode>")
                    .append("<m:RootFolder IndexedPagingOffset=\"0\" TotalItemsInView=\"0\" IncludesLastItemInRange=\"true\">")
                    .append("<t:Items></t:Items></m:RootFolder></m:FindItemResponseMessage>");
        }
        return xml.append(close("FindItem")).append(END).toString();
    }

    static String createItem() {
        return START + open("CreateItem")
                + "<m:CreateItemResponseMessage ResponseClass=\"Success\"><m:ResponseCode>NoError</m:ResponseCode>"
                + "<m:Items></m:Items></m:CreateItemResponseMessage>" + close("CreateItem") + END;
    }

    /**
     * An error response message (HTTP 200, ResponseClass="Error"), one per requested folder. Details go into
     * {@code m:MessageXml}: ews-java-api drops them from {@code t:MessageXml}.
     */
    static String error(String operation, int messages, String code, String text, Map<String, String> details) {
        StringBuilder xml = new StringBuilder(START).append(open(operation));
        for (int i = 0; i < Math.max(1, messages); i++) {
            xml.append("<m:").append(operation).append("ResponseMessage ResponseClass=\"Error\">")
                    .append("<m:MessageText>").append(escape(text)).append("</m:MessageText>")
                    .append("<m:ResponseCode>").append(code).append("</m:ResponseCode>")
                    .append("<m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>");
            if (!details.isEmpty()) {
                xml.append("<m:MessageXml>");
                details.forEach((name, value) -> xml.append("<t:Value Name=\"").append(escape(name)).append("\">")
                        .append(escape(value)).append("</t:Value>"));
                xml.append("</m:MessageXml>");
            }
            xml.append("</m:").append(operation).append("ResponseMessage>");
        }
        return xml.append(close(operation)).append(END).toString();
    }

    /** A SOAP fault (HTTP 500): Exchange's usual shape for ErrorServerBusy and request-level errors. */
    static String fault(String code, String text, Map<String, String> details) {
        StringBuilder xml = new StringBuilder(START)
                .append("<s:Fault><faultcode xmlns:a=\"").append(TYPES).append("\">a:").append(code).append("</faultcode>")
                .append("<faultstring xml:lang=\"en-US\">").append(escape(text)).append("</faultstring><detail>")
                .append("<e:ResponseCode xmlns:e=\"").append(ERRORS).append("\">").append(code).append("</e:ResponseCode>")
                .append("<e:Message xmlns:e=\"").append(ERRORS).append("\">").append(escape(text)).append("</e:Message>");
        if (!details.isEmpty()) {
            xml.append("<t:MessageXml xmlns:t=\"").append(TYPES).append("\">");
            details.forEach((name, value) -> xml.append("<t:Value Name=\"").append(escape(name)).append("\">")
                    .append(escape(value)).append("</t:Value>"));
            xml.append("</t:MessageXml>");
        }
        return xml.append("</detail></s:Fault>").append(END).toString();
    }

    private static String open(String operation) {
        return "<m:" + operation + "Response xmlns:m=\"" + MESSAGES + "\" xmlns:t=\"" + TYPES + "\"><m:ResponseMessages>";
    }

    private static String close(String operation) {
        return "</m:ResponseMessages></m:" + operation + "Response>";
    }

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
