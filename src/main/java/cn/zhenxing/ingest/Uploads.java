package cn.zhenxing.ingest;

import java.util.UUID;

/** Uploaded file names: kept (Chinese included) for display, never used as a path. */
final class Uploads {

    private Uploads() {
    }

    /** The last path segment of what the browser sent, without control characters; "upload.xlsx" if nothing is left. */
    static String displayName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "upload.xlsx";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    /** A name for the stored copy: random prefix, then only safe characters of the display name (CJK kept). */
    static String storedName(String display) {
        String safe = display.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return UUID.randomUUID() + "_" + safe;
    }
}
