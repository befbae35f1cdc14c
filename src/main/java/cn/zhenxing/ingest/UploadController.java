package cn.zhenxing.ingest;

import jakarta.validation.constraints.Size;

import cn.zhenxing.account.PortalUser;
import cn.zhenxing.calendar.ReportingCalendar;
import cn.zhenxing.delivery.DeliveryService;
import cn.zhenxing.delivery.MailTexts;
import cn.zhenxing.form.FormContentService;
import cn.zhenxing.form.FormDefinition;
import cn.zhenxing.form.TemplateWriter;
import cn.zhenxing.security.SecurityAction;
import cn.zhenxing.security.SecurityEvent;
import cn.zhenxing.security.SecurityLog;
import cn.zhenxing.warehouse.FileDownload;
import cn.zhenxing.warehouse.Quarter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

    private final SubmissionStore store;
    private final IngestService ingest;
    private final FormContentService contents;
    private final TemplateWriter templates;
    private final ReportingCalendar calendar;
    private final Path dataDir;
    private final DeliveryService delivery;
    private final MailTexts texts;
    private final SubmissionHistory history;
    private final SecurityLog audit;
    private final String maxFileSize;

    UploadController(SubmissionStore store, IngestService ingest, FormContentService contents, TemplateWriter templates,
                     ReportingCalendar calendar, cn.zhenxing.ZhenxingProperties zhenxing, DeliveryService delivery, MailTexts texts,
                     SubmissionHistory history, SecurityLog audit, MultipartProperties multipart) {
        this.audit = audit;
        this.maxFileSize = multipart.getMaxFileSize().toMegabytes() + "MB";
        this.store = store;
        this.ingest = ingest;
        this.contents = contents;
        this.templates = templates;
        this.calendar = calendar;
        this.dataDir = zhenxing.dataDir();
        this.delivery = delivery;
        this.texts = texts;
        this.history = history;
    }

    @GetMapping("/upload")
    String page(@AuthenticationPrincipal PortalUser user, Model model) {
        List<ReportingCalendar.UnitQuarter> periods = calendar.unitQuarters(user.unitCode(), LocalDate.now());
        model.addAttribute("user", user);
        model.addAttribute("unit", contents.unit(user.unitCode()));
        model.addAttribute("periods", periods);
        model.addAttribute("history", history.of(user.unitCode()));
        model.addAttribute("maxFiles", Uploads.MAX_FILES);
        model.addAttribute("maxFileSize", maxFileSize);
        return "ingest/upload";
    }

    /** The unit's blank form for a quarter: only ever the signed-in statistician's own unit. */
    @GetMapping("/forms/{period}")
    ResponseEntity<Resource> form(@AuthenticationPrincipal PortalUser user, @PathVariable @Size(max = 64, message = "参数过长") String period) throws IOException {
        Quarter quarter;
        try {
            quarter = calendar.knownQuarter(period);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        // One copy per unit and quarter, rewritten on each download (the catalog may have changed).
        Path dir = Files.createDirectories(dataDir.resolve("portal").resolve("forms").resolve(user.unitCode()));
        Path file = templates.write(FormDefinition.load(), contents.content(user.unitCode(), quarter.code()), dir);
        return FileDownload.of(file, FileDownload.XLSX, false);
    }

    @PostMapping("/upload")
    String upload(@AuthenticationPrincipal PortalUser user, @RequestParam("files") List<MultipartFile> files, Model model) throws Exception {
        long chosen = files.stream().filter(f -> !f.isEmpty()).count();
        if (chosen > Uploads.MAX_FILES) {
            String message = "一次上传的文件太多：本次选择了" + chosen + "个文件，请分批上传，每次不超过" + Uploads.MAX_FILES + "个文件。";
            audit.record(SecurityAction.UPLOAD, chosen + "个文件", SecurityEvent.Outcome.REFUSED, message);
            model.addAttribute("uploadError", message);
            return page(user, model);
        }
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
            IngestService.Outcome outcome = ingest.ingestAs(stored, display, "web", user.username(), user.unitCode(), LocalDateTime.now());
            if (outcome.submissionId() != null && outcome.status() != IngestService.Status.DUPLICATE) {
                store.setStoredPath(outcome.submissionId(), stored.toAbsolutePath().toString());
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("file", display);
            audit.record(SecurityAction.UPLOAD, display, switch (outcome.status()) {
                case ACCEPTED, DUPLICATE -> SecurityEvent.Outcome.SUCCESS;
                case REJECTED -> SecurityEvent.Outcome.REFUSED;
                case FAILED -> SecurityEvent.Outcome.FAILURE;
            }, outcome.status().name() + (outcome.submissionId() != null ? "，收文编号 " + outcome.submissionId() : "")
                    + (outcome.periodCode() != null ? "，" + outcome.periodCode() : "") + (outcome.version() != null ? "，第" + outcome.version() + "版" : "")
                    + (outcome.errors() > 0 ? "，错误 " + outcome.errors() + " 处" : ""));
            // The unit the submission was registered under (a refused form of another unit is registered under that unit).
            String owner = outcome.submissionId() == null ? null : store.owner(outcome.submissionId()).stream()
                    .map(r -> (String) r.get("unit_code")).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if ((outcome.unitCode() != null && !outcome.unitCode().equals(user.unitCode())) || (owner != null && !owner.equals(user.unitCode()))) {
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
            result.put("submissionId", outcome.submissionId());
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
        List<Map<String, Object>> rows = store.owner(id);
        // Someone else's submission looks exactly like a missing one.
        if (rows.isEmpty() || !user.unitCode().equals(rows.get(0).get("unit_code")) || rows.get(0).get("feedback_path") == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Path file = Path.of((String) rows.get(0).get("feedback_path"));
        return FileDownload.of(file, file.toString().endsWith(".xls") ? FileDownload.XLS : FileDownload.XLSX, false);
    }
}
