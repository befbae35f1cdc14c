package cn.zhenxing.ingest;

import java.util.Locale;
import java.util.UUID;

/** Uploaded file names: kept (Chinese included) in the database for display and download, never used as a path. */
public final class Uploads {

    /** Files in one upload; more are refused with a message saying so (server.tomcat.max-part-count bounds the parts Tomcat reads). */
    public static final int MAX_FILES = 20;
    /** ops_submission.file_name holds this many characters. */
    static final int MAX_NAME = 255;

    private Uploads() {
    }

    /** The last path segment of what the browser sent, without control characters; "upload.xlsx" if nothing is left. */
    static String displayName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "upload.xlsx";
        }
        return name.length() > MAX_NAME ? name.substring(name.length() - MAX_NAME) : name;
    }

    /**
     * The stored copy's name: a random id and the extension, whatever the uploaded name (its length in bytes
     * would otherwise run into the file system's 255-byte limit). The name given is kept in ops_submission.file_name.
     */
    static String storedName(String display) {
        int dot = display.lastIndexOf('.');
        String ext = dot >= 0 ? display.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        return UUID.randomUUID() + (ext.matches("[a-z0-9]{1,5}") ? "." + ext : ".bin");
    }
}
