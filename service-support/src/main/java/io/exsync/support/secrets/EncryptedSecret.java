package io.exsync.support.secrets;

/** A secret at rest: ciphertext (base64 of IV + AES-GCM output) and the id of the key that made it. */
public record EncryptedSecret(String keyId, String ciphertext) {

    @Override
    public String toString() {
        return "EncryptedSecret[keyId=" + keyId + "]";
    }
}
