package cn.zhenxing.web;

import cn.zhenxing.delivery.DeliveryService;
import cn.zhenxing.delivery.MailTexts;
import cn.zhenxing.submission.FormContentService;
import cn.zhenxing.submission.FormDefinition;
import cn.zhenxing.submission.IngestService;
import cn.zhenxing.submission.SubmissionProperties;
import cn.zhenxing.submission.TemplateWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** The statistician's page: the unit's quarters, blank forms, uploads with immediate results, history. */
@Controller
class UploadController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final NamedParameterJdbcTemplate jdbc;
    private final IngestService ingest;
    private final FormContentService contents;
    private final TemplateWriter templates;
    private final SubmissionProperties submission;
    private final Path dataDir;
    private final DeliveryService delivery;
    private final MailTexts texts;

    UploadController(NamedParameterJdbcTemplate jdbc, IngestService ingest, FormContentService contents, TemplateWriter templates,
                     SubmissionProperties submission, cn.zhenxing.ZhenxingProperties zhenxing, DeliveryService delivery, MailTexts texts) {
        this.jdbc = jdbc;
        this.ingest = ingest;
        this.contents = contents;
        this.templates = templates;
        this.submission = submission;
        this.dataDir = zhenxing.dataDir();
        this.delivery = delivery;
        this.texts = texts;
    }

    @GetMapping("/upload")
    String page(@AuthenticationPrincipal PortalUser user, Model model) {
        LocalDate today = LocalDate.now();
        List<Map<String, Object>> periods = new ArrayList<>();
        for (Map<String, Object> p : jdbc.queryForList(PortalUsers.SQL.get("unitPeriods"), new MapSqlParameterSource()
                .addValue("unit", user.unitCode()).addValue("today", today)
                .addValue("deadlineDays", submission.deadlineDaysAfterQuarter())
                .addValue("opensDays", submission.windowOpensDaysBeforeQuarterEnd()))) {
            Map<String, Object> row = new LinkedHashMap<>(p);
            LocalDate deadline = ((java.sql.Date) p.get("deadline")).toLocalDate();
            long days = ChronoUnit.DAYS.between(today, deadline);
            boolean accepted = p.get("current_version") != null;
            boolean rejected = ((Number) p.get("rejected")).intValue() > 0;
            row.put("status", accepted ? "已接收" : rejected ? "已退回" : days < 0 ? "逾期" : "未报送");
            row.put("countdown", accepted ? "" : days >= 0 ? "距截止还有" + days + "天" : "已逾期" + (-days) + "天");
            periods.add(row);
        }
        model.addAttribute("user", user);
        model.addAttribute("unit", jdbc.queryForMap(PortalUsers.SQL.get("unit"), Map.of("unit", user.unitCode())));
        model.addAttribute("periods", periods);
        model.addAttribute("history", jdbc.queryForList(PortalUsers.SQL.get("unitHistory"), Map.of("unit", user.unitCode())));
        return "upload";
    }

    /** The unit's blank form for a quarter: only ever the signed-in statistician's own unit. */
    @GetMapping("/forms/{period}")
    ResponseEntity<Resource> form(@AuthenticationPrincipal PortalUser user, @PathVariable String period) throws IOException {
        if (!period.matches("\\d{4}Q[1-4]")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "报告期格式应为 2025Q3");
        }
        // One copy per unit and quarter, rewritten on each download (the catalog may have changed).
        Path dir = Files.createDirectories(dataDir.resolve("portal").resolve("forms").resolve(user.unitCode()));
        Path file = templates.write(FormDefinition.load(), contents.content(user.unitCode(), period), dir);
        return download(file, XLSX, false);
    }

    @PostMapping("/upload")
    String upload(@AuthenticationPrincipal PortalUser user, @RequestParam("files") List<MultipartFile> files, Model model) throws Exception {
        List<Map<String, Object>> results = new ArrayList<>();
        // Every uploaded file is kept (under a random name) as received: the archive behind each submission.
        Path dir = Files.createDirectories(dataDir.resolve("portal").resolve("uploads").resolve(LocalDate.now().toString()));
        for (MultipartFile upload : files) {
            if (upload.isEmpty()) {
                continue;
            }
            String display = Uploads.displayName(upload.getOriginalFilename());
            Path stored = dir.resolve(Uploads.storedName(display));
            upload.transferTo(stored);
            IngestService.Outcome outcome = ingest.ingest(List.of(stored), "web", user.username(), user.unitCode(), LocalDateTime.now(), o -> { })
                    .get(0);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("file", display);
            if (outcome.unitCode() != null && !outcome.unitCode().equals(user.unitCode())) {
                // Another unit's file (even one accepted from that unit before): say nothing about it.
                result.put("status", "已退回：这不是本单位的报表，请下载本单位的模板填报");
                result.put("accepted", false);
                result.put("version", null);
                result.put("problems", List.of());
                result.put("submissionId", null);
                results.add(result);
                continue;
            }
            result.put("status", switch (outcome.status()) {
                case ACCEPTED -> "已接收";
                case DUPLICATE -> "重复文件（此前已接收，未重复计入）";
                case REJECTED -> "已退回";
                case FAILED -> "系统处理失败，请稍后重试或联系管理员";
            });
            result.put("accepted", outcome.status() == IngestService.Status.ACCEPTED || outcome.status() == IngestService.Status.DUPLICATE);
            result.put("version", outcome.version());
            result.put("problems", outcome.problems());
            result.put("submissionId", Uploads.submissionId(outcome.feedback()));
            results.add(result);
            queueReceipt(user, display, outcome);
        }
        model.addAttribute("results", results);
        return page(user, model);
    }

    /** The receipt or feedback workbook also goes by mail to the uploader (sent by the deliver-pending schedule). */
    private void queueReceipt(PortalUser user, String display, IngestService.Outcome outcome) throws IOException {
        boolean accepted = outcome.status() == IngestService.Status.ACCEPTED;
        if (user.email() == null || outcome.feedback() == null || (!accepted && outcome.status() != IngestService.Status.REJECTED)) {
            return;
        }
        MailTexts.Text text = texts.receipt(user.displayName(), outcome.periodCode(), display, accepted, outcome.errors(), outcome.version());
        String period = outcome.periodCode() != null ? outcome.periodCode() : "-";
        delivery.enqueue(new DeliveryService.Message("receipt", "web-upload", period, outcome.feedback(), user.email(),
                user.displayName(), text.subject(), text.body(), List.of(Path.of(outcome.feedback()))));
    }

    /** Feedback or receipt workbook: only of a submission of the statistician's own unit. */
    @GetMapping("/feedback/{id}")
    ResponseEntity<Resource> feedback(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
        List<Map<String, Object>> rows = jdbc.queryForList(PortalUsers.SQL.get("submissionOwner"), Map.of("id", id));
        // Someone else's submission looks exactly like a missing one.
        if (rows.isEmpty() || !user.unitCode().equals(rows.get(0).get("unit_code")) || rows.get(0).get("feedback_path") == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Path file = Path.of((String) rows.get(0).get("feedback_path"));
        return download(file, file.toString().endsWith(".xls") ? MediaType.parseMediaType("application/vnd.ms-excel") : XLSX, false);
    }

    static ResponseEntity<Resource> download(Path file, MediaType type, boolean inline) {
        if (!Files.isRegularFile(file)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.getFileName().toString(), java.nio.charset.StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString()).contentType(type)
                .body(new FileSystemResource(file));
    }
}
