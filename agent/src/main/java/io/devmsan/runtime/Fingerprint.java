package io.devmsan.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Names a violation so that the same bug gets the same name in every run and every JVM: a hash
 * of the rule, the resource and the accessing method. Line numbers are left out on purpose so
 * that editing unrelated code above the access does not make a known bug look new.
 */
final class Fingerprint {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Fingerprint() {
    }

    /** The first 16 hex digits of SHA-256 over the four parts, separated by newlines. */
    static String of(String rule, String resource, String accessClass, String accessMethod) {
        String text = rule + '\n' + resource + '\n' + accessClass + '\n' + accessMethod;
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (java.security.MessageDigest javadoc).
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
        char[] out = new char[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = HEX[(hash[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[hash[i] & 0xf];
        }
        return new String(out);
    }
}
