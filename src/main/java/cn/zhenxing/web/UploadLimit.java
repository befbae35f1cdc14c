package cn.zhenxing.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A file over the upload limit gets a Chinese message on the upload page, not an error page. */
@ControllerAdvice
class UploadLimit {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(RedirectAttributes flash) {
        flash.addFlashAttribute("uploadError", "文件过大：单个文件不能超过20MB，一次上传合计不能超过100MB。报表文件通常只有几百KB，请检查是否选错了文件。");
        return "redirect:/upload";
    }
}
