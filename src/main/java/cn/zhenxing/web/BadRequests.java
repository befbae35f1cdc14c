package cn.zhenxing.web;

import cn.zhenxing.security.SecurityAction;
import cn.zhenxing.security.SecurityEvent;
import cn.zhenxing.security.SecurityLog;
import cn.zhenxing.warehouse.Quarter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bad input is the sender's fault: a 400 with a Chinese page saying what was wrong (never a class name),
 * and a refused upload goes back to the upload page with the limit it broke. 500 is left for real faults.
 */
@ControllerAdvice
class BadRequests {

    private final MultipartProperties multipart;
    private final SecurityLog audit;

    BadRequests(MultipartProperties multipart, SecurityLog audit) {
        this.multipart = multipart;
        this.audit = audit;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String value = e.getValue() == null ? "" : String.valueOf(e.getValue());
        String expected = type == Quarter.class ? "报告期请写成 2025Q3 这样的年份加季度（Q1–Q4）"
                : type == LocalDate.class ? "日期请写成 2026-01-10 这样的年-月-日"
                : type == Boolean.class || type == boolean.class ? "应为 true 或 false"
                : Number.class.isAssignableFrom(type == null ? Object.class : wrap(type)) ? "应为数字" : "请检查后重试";
        return page(HttpStatus.BAD_REQUEST, "参数“" + e.getName() + "”的值“" + shorten(value) + "”无法识别：" + expected + "。");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e) {
        return page(HttpStatus.BAD_REQUEST, "缺少参数“" + e.getParameterName() + "”，请从页面上的表单提交。");
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ModelAndView missingPart(MissingServletRequestPartException e) {
        return page(HttpStatus.BAD_REQUEST, "没有收到上传的文件，请在报送页面选择文件后再上传。");
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ModelAndView invalid(HandlerMethodValidationException e) {
        return page(HttpStatus.BAD_REQUEST, e.getAllErrors().stream().map(MessageSourceResolvable::getDefaultMessage).distinct()
                .collect(Collectors.joining("；")) + "。");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ModelAndView invalid(ConstraintViolationException e) {
        return page(HttpStatus.BAD_REQUEST, e.getConstraintViolations().stream().map(v -> v.getMessage()).distinct()
                .collect(Collectors.joining("；")) + "。");
    }

    @ExceptionHandler(BindException.class)
    ModelAndView invalid(BindException e) {
        return page(HttpStatus.BAD_REQUEST, "提交的内容无法识别，请从页面上的表单重新提交。");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView notFound(NoResourceFoundException e) {
        return page(HttpStatus.NOT_FOUND, null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView method(HttpRequestMethodNotSupportedException e) {
        return page(HttpStatus.METHOD_NOT_ALLOWED, "此地址不支持这种请求方式，请从页面上的链接或表单操作。");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ModelAndView mediaType(HttpMediaTypeNotSupportedException e) {
        return page(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "提交的内容格式不受支持，请从页面上的表单提交。");
    }

    /** Our own 4xx answers keep their Chinese reason; anything else is left to the error pages. */
    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return page(status, e.getReason());
    }

    /** Over a size limit (a file, or the request in all): back to the upload page with the limit it broke, and logged. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, RedirectAttributes flash) {
        return refusedUpload(e, request, flash);
    }

    /** A body that is no multipart form (no boundary, a broken part header) or one with too many parts. */
    @ExceptionHandler(MultipartException.class)
    Object unreadable(MultipartException e, HttpServletRequest request, RedirectAttributes flash) {
        return refusedUpload(e, request, flash);
    }

    private Object refusedUpload(MultipartException e, HttpServletRequest request, RedirectAttributes flash) {
        // The error page of a request refused earlier (e.g. 403 for a missing CSRF token) parses the body again and fails:
        // that is still the earlier refusal, and no upload reached the application.
        if (request.getDispatcherType() == DispatcherType.ERROR && request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code) {
            HttpStatus status = HttpStatus.resolve(code);
            return page(status == null ? HttpStatus.BAD_REQUEST : status, null);
        }
        String message;
        if (cause(e, FileCountLimitExceededException.class)) {
            message = "一次上传的文件太多：请分批上传，每次不超过" + cn.zhenxing.ingest.Uploads.MAX_FILES + "个文件。";
        } else if (cause(e, FileSizeLimitExceededException.class)) {
            message = "文件过大：单个文件不能超过" + megabytes(multipart.getMaxFileSize().toBytes())
                    + "。报表文件通常只有几百KB，请检查是否选错了文件。";
        } else if (cause(e, SizeLimitExceededException.class) || e instanceof MaxUploadSizeExceededException) {
            message = "上传内容过大：一次上传的文件合计不能超过" + megabytes(multipart.getMaxRequestSize().toBytes()) + "，请分批上传。";
        } else {
            audit.record(SecurityAction.UPLOAD, null, SecurityEvent.Outcome.REFUSED, "上传请求无法解析：" + rootMessage(e));
            return page(HttpStatus.BAD_REQUEST, "上传的内容无法识别（不是完整的文件上传表单）。请在报送页面选择文件后重新上传。");
        }
        audit.record(SecurityAction.UPLOAD, null, SecurityEvent.Outcome.REFUSED, message);
        if (!request.getRequestURI().endsWith("/upload")) {
            return page(HttpStatus.PAYLOAD_TOO_LARGE, message);
        }
        flash.addFlashAttribute("uploadError", message);
        return "redirect:/upload";
    }

    static ModelAndView page(HttpStatus status, String problemZh) {
        int code = status.value();
        String view = code == 400 || code == 403 || code == 404 ? "error/" + code : status.is4xxClientError() ? "error/4xx" : "error/5xx";
        ModelAndView mv = new ModelAndView(view, status);
        mv.addObject("status", code);
        if (problemZh != null && !problemZh.isBlank()) {
            mv.addObject("problemZh", problemZh);
        }
        return mv;
    }

    private static boolean cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return shorten(String.valueOf(t.getMessage()));
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + "MB" : bytes / 1024 + "KB";
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static Class<?> wrap(Class<?> type) {
        return type == int.class ? Integer.class : type == long.class ? Long.class : type;
    }
}
