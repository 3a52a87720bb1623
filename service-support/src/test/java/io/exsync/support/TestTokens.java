package io.exsync.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Tokens for tests: the real {@code ./exsync token} command, and hand-made ones for the failure paths. */
public final class TestTokens {

    public static final String ISSUER = "https://exsync.dev/issuer";

    private TestTokens() {
    }

    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("exsync"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (the ./exsync script)");
        }
        return dir;
    }

    /** Runs {@code ./exsync token <args>} and returns the token it printed. */
    public static String exsyncToken(String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("./exsync", "token"));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).directory(repositoryRoot().toFile())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("./exsync token failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs {@code claimsJson} with the development private key. */
    public static String signWithDevKey(String claimsJson) {
        try {
            String pem = Files.readString(repositoryRoot().resolve("config/dev-only-keys/jwt-private.pem"));
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return sign(claimsJson, KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs {@code claimsJson} with a freshly generated key no service trusts. */
    public static String signWithForeignKey(String claimsJson) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(claimsJson, generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String claims(String sub, String tid, long expiresInSeconds) {
        long now = Instant.now().getEpochSecond();
        StringBuilder json = new StringBuilder("{\"iss\":\"" + ISSUER + "\"");
        if (sub != null) {
            json.append(",\"sub\":\"").append(sub).append('"');
        }
        if (tid != null) {
            json.append(",\"tid\":\"").append(tid).append('"');
        }
        json.append(",\"groups\":[\"GlobalAdministrator\"],\"iat\":").append(now)
                .append(",\"exp\":").append(now + expiresInSeconds).append('}');
        return json.toString();
    }

    /**
     * The claims (JSON) of a bearer token whose RS256 signature the development public key verifies; throws
     * otherwise. Used by loopback stand-ins to check the service tokens they are sent.
     */
    public static String verifiedClaims(String jwt) {
        try {
            String[] parts = jwt.split("\\.");
            if (parts.length != 3) {
                throw new IllegalArgumentException("not a JWS");
            }
            String pem = Files.readString(repositoryRoot().resolve("config/dev-only-keys/jwt-public.pem"));
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new IllegalArgumentException("bad signature");
            }
            return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(String claimsJson, PrivateKey key) throws GeneralSecurityException {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(signature.sign());
    }
}
