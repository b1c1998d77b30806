package dev.dimmer.plan;

import java.util.regex.Pattern;

/**
 * Whether a URL written in a plan carries a secret in plain text: a password in its user info
 * ({@code https://ops:pa55@host}) or a credential, token or signature among its parameters ({@code ?token=},
 * {@code X-Amz-Signature=}, {@code auth=}, also after {@code ;} or {@code #}). A value written as a
 * {@code ${env:NAME}} reference is not plain text.
 */
final class UrlCredentials {
    private static final String REFERENCE = "\\$\\{env:[A-Za-z_][A-Za-z0-9_]*}";
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile(
            "^(?:jdbc:)?[a-z][a-z0-9+.-]*://[^/@?#:]*:(?!" + REFERENCE + "@)[^/@?#]*@", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECRET_PARAMETER = Pattern.compile("[?&;#](?:x-amz-signature|x-amz-security-token"
            + "|x-amz-credential|x-goog-signature|x-goog-credential|sig|signature|auth|authorization|token"
            + "|access_token|id_token|refresh_token|api_key|api-key|apikey|key|password|passwd|pwd|secret"
            + "|client_secret)=(?!" + REFERENCE + "(?:[&;#]|$))[^&;#]+", Pattern.CASE_INSENSITIVE);

    private UrlCredentials() {
    }

    static boolean carried(String url) {
        return url != null && (USER_INFO_PASSWORD.matcher(url).find() || SECRET_PARAMETER.matcher(url).find());
    }
}
