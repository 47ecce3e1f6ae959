package app.tandem.billing.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook payloads the way Stripe does: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<payload>">} with the
 * endpoint's secret. Written independently of stripe-java, so that tests check the verifier against the scheme rather
 * than against itself.
 */
public final class StripeSignatures {

    private StripeSignatures() {}

    /** The {@code Stripe-Signature} header of a payload signed at the given time. */
    public static String header(String payload, String secret, Instant signedAt) {
        long timestamp = signedAt.getEpochSecond();
        return "t=" + timestamp + ",v1=" + hmac(timestamp + "." + payload, secret);
    }

    /** The hex HMAC-SHA256 of a message, as in a {@code v1} signature. */
    static String hmac(String message, String secret) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has HmacSHA256", e);
        }
    }
}
