package org.commonground.publishing;

/** A request's {@code If-None-Match}, as every public page answers it with 304: the ETag itself, its weak form, or {@code *}. */
public final class IfNoneMatch {

    private IfNoneMatch() {
    }

    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
