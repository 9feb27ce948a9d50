package io.trendline.web.strategy;

import io.trendline.web.problem.BadRequestException;

/** Reads an aggregate version from an {@code If-Match} header: a plain or weak, quoted or bare ETag. */
final class Versions {

    private Versions() {
    }

    static Long fromIfMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new BadRequestException("If-Match must be a version returned as an ETag, such as \"3\"; was "
                    + header);
        }
    }
}
