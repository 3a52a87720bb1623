package io.exsync.support.secrets;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * AES-256-GCM for write-only secrets (passwords, client secrets). The additional authenticated data binds a
 * ciphertext to what it belongs to (e.g. {@code profile:<id>:password}), so it cannot be copied onto another record.
 * Errors never include the plaintext.
 */
@ApplicationScoped
public class SecretCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String activeKeyId;
    private final Map<String, SecretKeySpec> keys;
    private final String transformation;

    public SecretCipher(SecretsConfig config) {
        this.activeKeyId = config.keyId().orElse(null);
        this.transformation = config.transformation();
        Map<String, String> all = new HashMap<>(config.keys());
        config.key().ifPresent(key -> all.put(activeKeyId, key));
        this.keys = all.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> new SecretKeySpec(decodeKey(e.getKey(), e.getValue()), "AES")));
    }

    /** Fails fast at startup in services that keep secrets (call from a StartupEvent observer). */
    public void requireActiveKey() {
        if (activeKeyId == null || !keys.containsKey(activeKeyId)) {
            throw new IllegalStateException("secrets need exsync.secrets.key-id and a matching exsync.secrets.keys entry");
        }
    }

    public EncryptedSecret encrypt(String plaintext, String associatedData) {
        requireActiveKey();
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance(transformation);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return new EncryptedSecret(activeKeyId, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a secret (" + e.getClass().getSimpleName() + ")");
        }
    }

    public String decrypt(EncryptedSecret secret, String associatedData) {
        SecretKeySpec key = keys.get(secret.keyId());
        if (key == null) {
            throw new IllegalStateException("no key configured for secret key id " + secret.keyId());
        }
        try {
            byte[] in = Base64.getDecoder().decode(secret.ciphertext());
            Cipher cipher = Cipher.getInstance(transformation);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt a secret with key id " + secret.keyId()
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] decodeKey(String id, String base64) {
        byte[] key = Base64.getDecoder().decode(base64.trim());
        if (key.length != 32) {
            throw new IllegalStateException("secret key " + id + " must be 32 bytes (base64), got " + key.length);
        }
        return key;
    }
}
