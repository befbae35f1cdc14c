package cn.zhenxing.delivery;

import cn.zhenxing.account.PortalUser;
import cn.zhenxing.security.SecurityAction;
import cn.zhenxing.security.SecurityEvent.Outcome;
import cn.zhenxing.security.SecurityLog;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator adds and removes unit contacts (recipients of reminders and receipts); each change is audited. */
@Controller
class ContactsController {

    private final DeliveryService delivery;
    private final SecurityLog audit;

    ContactsController(DeliveryService delivery, SecurityLog audit) {
        this.delivery = delivery;
        this.audit = audit;
    }

    @PostMapping("/admin/contacts")
    String addContact(@AuthenticationPrincipal PortalUser admin,
                      @RequestParam @Pattern(regexp = "[0-9A-Za-z_-]{1,16}", message = "单位代码须为1–16位字母或数字，如 140400") String unit,
                      @RequestParam @NotBlank(message = "请填写联系人姓名") @Size(max = 100, message = "姓名不能超过100个字") String name,
                      @RequestParam @Size(max = 200, message = "邮箱地址不能超过200个字符") String email,
                      RedirectAttributes flash) {
        try {
            delivery.addContact(unit, name.strip(), email, admin.username());
            audit.record(SecurityAction.CONTACT_ADD, unit, Outcome.SUCCESS, name.strip() + " <" + email.strip() + ">");
            flash.addFlashAttribute("message", "已添加联系人 " + email + "。");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        } catch (DataIntegrityViolationException e) {
            flash.addFlashAttribute("error", "填报单位 " + unit + " 不存在，或该联系人已添加。");
        }
        return "redirect:/admin";
    }

    @PostMapping("/admin/contacts/delete")
    String removeContact(@RequestParam long id, RedirectAttributes flash) {
        delivery.removeContact(id);
        audit.record(SecurityAction.CONTACT_REMOVE, "联系人 " + id, Outcome.SUCCESS, null);
        flash.addFlashAttribute("message", "已删除联系人。");
        return "redirect:/admin";
    }
}
