package cn.zhenxing.retention;

import cn.zhenxing.ZhenxingProperties;
import cn.zhenxing.ingest.SubmissionProperties;
import cn.zhenxing.warehouse.Checksums;
import cn.zhenxing.warehouse.SqlFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The retention policy for received files: what under the inbox's processed/, rejected/ and feedback/
 * folders, the portal's uploads and mail attachments may go, and pruning it. A file goes only when nothing accepted
 * needs it: a rejected submission's file and feedback after {@code rejected-days}, or an unregistered
 * copy of bytes that an accepted submission keeps elsewhere after {@code duplicate-days}.
 */
@Service
public class FileRetention {

    private static final Logger log = LoggerFactory.getLogger(FileRetention.class);
    static final SqlFile SQL = SqlFile.of(FileRetention.class, "retention.sql");

    /** Why a file may go. */
    public enum Reason { REJECTED, DUPLICATE }

    /** Why a file stays. */
    public enum Kept {
        ACCEPTED("file or receipt of an accepted version (current or superseded)"),
        UNDECIDED("file of a submission not decided yet"),
        ONLY_COPY("the only kept copy of accepted bytes"),
        REJECTED_RECENT("rejected, within rejected-days"),
        DUPLICATE_RECENT("copy of accepted bytes, within duplicate-days"),
        UNKNOWN("not known to the warehouse: never deleted automatically");

        public final String meaning;

        Kept(String meaning) {
            this.meaning = meaning;
        }
    }

    public record Candidate(Path path, Reason reason, long bytes, String sha256, long submissionId) {}

    public record Tally(int files, long bytes) {
        Tally plus(long size) {
            return new Tally(files + 1, bytes + size);
        }
    }

    public record Plan(LocalDateTime now, List<Path> roots, List<Candidate> prune, Map<Kept, Tally> kept) {
        public long pruneBytes() {
            return prune.stream().mapToLong(Candidate::bytes).sum();
        }
    }

    private record Sub(long id, String status, String sha256, Path stored, Path feedback, LocalDateTime decidedAt) {
        boolean accepted() {
            return status.equals("accepted") || status.equals("superseded");
        }

        boolean rejected() {
            return status.equals("rejected");
        }
    }

    private final JdbcTemplate jdbc;
    private final RetentionProperties policy;
    private final List<Path> roots;

    public FileRetention(JdbcTemplate jdbc, RetentionProperties policy, SubmissionProperties submission, ZhenxingProperties zhenxing) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.roots = Stream.of(submission.processed(), submission.rejected(), submission.feedback(),
                zhenxing.dataDir().resolve("portal").resolve("uploads"), zhenxing.dataDir().resolve("mail").resolve("attachments"))
                .map(FileRetention::normal).toList();
    }

    /** What pruning at {@code now} would delete, and what it keeps by reason. Reads only. */
    public Plan plan(LocalDateTime now) throws IOException {
        List<Sub> subs = jdbc.query(SQL.get("submissions"), (rs, n) -> new Sub(rs.getLong("submission_id"), rs.getString("status"),
                rs.getString("file_sha256"), path(rs.getString("stored_path")), path(rs.getString("feedback_path")),
                rs.getTimestamp("decided_at").toLocalDateTime()));
        Map<Path, Sub> byPath = new HashMap<>();
        Map<String, List<Sub>> bySha = new HashMap<>();
        for (Sub s : subs) {
            if (s.stored() != null) {
                byPath.put(s.stored(), s);
            }
            if (s.feedback() != null) {
                byPath.putIfAbsent(s.feedback(), s);
            }
            bySha.computeIfAbsent(s.sha256(), k -> new ArrayList<>()).add(s);
        }
        LocalDateTime rejectedBefore = now.minusDays(policy.rejectedDays());
        LocalDateTime duplicateBefore = now.minusDays(policy.duplicateDays());
        List<Candidate> prune = new ArrayList<>();
        Map<Kept, Tally> kept = new EnumMap<>(Kept.class);
        for (Path file : files()) {
            long size = Files.size(file);
            Sub owner = byPath.get(file);
            if (owner != null && !owner.rejected()) {
                // Kept whatever its bytes: no need to read the archive's accepted files on every plan.
                kept.merge(owner.accepted() ? Kept.ACCEPTED : Kept.UNDECIDED, new Tally(1, size), (a, b) -> a.plus(size));
                continue;
            }
            String sha = Checksums.sha256(file);
            List<Sub> sameBytes = bySha.getOrDefault(sha, List.of());
            Kept keep;
            Candidate go = null;
            if (sameBytes.stream().anyMatch(Sub::accepted)) {
                // Bytes an accepted version rests on: go only when that version keeps its own copy.
                Sub accepted = sameBytes.stream().filter(Sub::accepted).filter(s -> keptCopy(s, file)).findFirst().orElse(null);
                if (accepted == null) {
                    keep = Kept.ONLY_COPY;
                } else if (lastModified(file).isBefore(duplicateBefore)) {
                    keep = null;
                    go = new Candidate(file, Reason.DUPLICATE, size, sha, accepted.id());
                } else {
                    keep = Kept.DUPLICATE_RECENT;
                }
            } else if (owner != null || (!sameBytes.isEmpty() && sameBytes.stream().allMatch(Sub::rejected))) {
                // The rejected file or feedback itself, or a rejected file kept before stored paths were recorded.
                Sub rejected = owner != null ? owner : sameBytes.get(sameBytes.size() - 1);
                if (rejected.decidedAt().isBefore(rejectedBefore)) {
                    keep = null;
                    go = new Candidate(file, Reason.REJECTED, size, sha, rejected.id());
                } else {
                    keep = Kept.REJECTED_RECENT;
                }
            } else {
                keep = sameBytes.isEmpty() ? Kept.UNKNOWN : Kept.UNDECIDED;
            }
            if (go != null) {
                prune.add(go);
            } else {
                kept.merge(keep, new Tally(1, size), (a, b) -> a.plus(size));
            }
        }
        return new Plan(now, roots, prune, kept);
    }

    /** Deletes the plan's files that are still as planned (same bytes), and records each one. */
    public List<Candidate> prune(Plan plan, String by) throws IOException {
        List<Candidate> done = new ArrayList<>();
        for (Candidate c : plan.prune()) {
            if (!Files.isRegularFile(c.path()) || !Checksums.sha256(c.path()).equals(c.sha256())) {
                log.warn("Retention: {} changed since it was planned; kept", c.path());
                continue;
            }
            Files.delete(c.path());
            jdbc.update(SQL.get("prunedInsert"), c.path().toString(), c.sha256(), c.bytes(), c.reason().name().toLowerCase(),
                    c.submissionId(), Timestamp.valueOf(LocalDateTime.now()), by);
            log.info("Retention: deleted {} ({}, {} bytes, submission {}) by {}", c.path(), c.reason(), c.bytes(), c.submissionId(), by);
            done.add(c);
        }
        return done;
    }

    /** Whether the accepted submission keeps its bytes in a file of its own (other than {@code file}). */
    private static boolean keptCopy(Sub accepted, Path file) {
        return accepted.stored() != null && !accepted.stored().equals(file) && Files.isRegularFile(accepted.stored());
    }

    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            }
        }
        return files;
    }

    private static LocalDateTime lastModified(Path file) throws IOException {
        return LocalDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneId.systemDefault());
    }

    private static Path path(String stored) {
        return stored == null || stored.isBlank() ? null : normal(Path.of(stored));
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
