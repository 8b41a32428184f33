package dev.keyline.platform.http;

import dev.keyline.platform.problem.ProblemException;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.schemas.keys.ProductKeys;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the bytes of a text request body, such as an uploaded artifact or an import file. A byte-order mark decides
 * the encoding, so UTF-16 as Windows PowerShell 5.1 writes it with {@code >} is read; else the {@code charset} of the
 * content type, else UTF-8. Text with a NUL
 * character is rejected, because PostgreSQL cannot store it and it usually means UTF-16 sent without its mark.
 */
public final class BodyText {

    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset=\"?([^\";\\s]+)\"?");

    private BodyText() {}

    /** Returns the text, or fails with a 400 problem that names the body and what to send instead. */
    public static String decode(byte[] body, String contentType) {
        if (body == null) {
            return null;
        }
        return checked(body, decodeBytes(body, contentType));
    }

    /** Returns {@code text}, decoded from {@code body}, unless the charset hid a key or the text has a NUL. */
    private static String checked(byte[] body, String text) {
        if (hidesKeyFromCharset(body, text)) {
            throw ProblemException.invalidField(
                    "Content-Type",
                    "names a charset that does not read the body's bytes as they were written: read byte by byte,"
                            + " they hold a product key that the named charset turns into other characters",
                    "send the body with the charset it is written in, usually ; charset=utf-8");
        }
        int nul = text.indexOf('\u0000');
        if (nul >= 0) {
            long line = text.substring(0, nul).chars().filter(c -> c == '\n').count() + 1;
            throw ProblemException.invalidField(
                    "body",
                    "contains a NUL character on line " + line + ", as UTF-16 text without its byte-order mark does",
                    "send UTF-8, or UTF-16 with its byte-order mark, or name the encoding with ; charset= in"
                            + " Content-Type");
        }
        return text;
    }

    /**
     * Returns the text of a JSON body as {@link #decode} does, but fails with a 400 problem when a body read as UTF-8
     * is not valid UTF-8: a body with the UTF-8 byte-order mark, or with no mark and no other charset named in
     * Content-Type. JSON sent between systems must be UTF-8 (RFC 8259, section 8.1), and replacing each bad byte with
     * U+FFFD would store other text than the station sent, as for a body that Windows PowerShell 5.1 sends in
     * ISO-8859-1 without saying so.
     */
    public static String decodeJson(byte[] body, String contentType) {
        if (body == null) {
            return null;
        }
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            return checked(body, strictUtf8(body, 3));
        }
        if (!startsWith(body, 0xFF, 0xFE)
                && !startsWith(body, 0xFE, 0xFF)
                && charset(contentType).equals(StandardCharsets.UTF_8)) {
            return checked(body, strictUtf8(body, 0));
        }
        return decode(body, contentType);
    }

    /**
     * Decodes the bytes of {@code body} from {@code start} on as UTF-8, or fails with a 400 problem naming a bad byte.
     */
    private static String strictUtf8(byte[] body, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, start, body.length - start);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (!result.isError()) {
            return out.flip().toString();
        }
        int offset = Math.min(in.position(), body.length - 1);
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (body[i] == '\n') {
                line++;
            }
        }
        throw ProblemException.invalidField(
                "body",
                String.format(
                        "is not valid UTF-8: the byte 0x%02X at offset %d (line %d) is not part of a UTF-8 character",
                        body[offset] & 0xFF, offset, line),
                "send the JSON encoded as UTF-8, or name its encoding in Content-Type, such as"
                        + " application/json; charset=windows-1252");
    }

    /**
     * Returns true when the bytes, read one byte per character or as UTF-8, hold a product key that the decoded text
     * lacks: UTF-8 sent with {@code charset=utf-16} or an EBCDIC charset, which would store the key in a form that
     * turns back into it when encoded again, and raise no exposure.
     */
    private static boolean hidesKeyFromCharset(byte[] body, String text) {
        Set<String> inBytes = new HashSet<>(keys(new String(body, StandardCharsets.ISO_8859_1)));
        inBytes.addAll(keys(new String(body, StandardCharsets.UTF_8)));
        return !keys(text).containsAll(inBytes);
    }

    /** Returns the keys in the text, each in the form it is fingerprinted in. */
    private static Set<String> keys(String text) {
        Set<String> keys = new HashSet<>();
        Matcher matcher = ProductKeys.FULL_KEY.matcher(text);
        while (matcher.find()) {
            keys.add(ProductKeys.normalize(matcher.group()));
        }
        return keys;
    }

    private static String decodeBytes(byte[] body, String contentType) {
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(body, 0xFF, 0xFE)) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(body, 0xFE, 0xFF)) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
        }
        return new String(body, charset(contentType));
    }

    private static Charset charset(String contentType) {
        Matcher matcher = contentType == null ? null : CHARSET.matcher(contentType);
        if (matcher == null || !matcher.find()) {
            return StandardCharsets.UTF_8;
        }
        String name = matcher.group(1).toLowerCase(Locale.ROOT);
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ProblemException.invalidField(
                    "Content-Type",
                    "names charset '" + KeyRedactor.maskShortValue(name) + "', which this service cannot read",
                    "send UTF-8 or UTF-16 and name it as ; charset=utf-8 or ; charset=utf-16");
        }
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        byte[] expected = new byte[prefix.length];
        for (int i = 0; i < prefix.length; i++) {
            expected[i] = (byte) prefix[i];
        }
        return Arrays.equals(body, 0, prefix.length, expected, 0, prefix.length);
    }
}
