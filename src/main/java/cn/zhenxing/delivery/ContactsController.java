package cn.zhenxing.delivery;

import cn.zhenxing.account.PortalUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator adds and removes unit contacts (recipients of reminders and receipts). */
@Controller
class ContactsController {

    private final DeliveryService delivery;

    ContactsController(DeliveryService delivery) {
        this.delivery = delivery;
    }

    @PostMapping("/admin/contacts")
    String addContact(@AuthenticationPrincipal PortalUser admin, @RequestParam String unit, @RequestParam String name, @RequestParam String email,
                      RedirectAttributes flash) {
        try {
            delivery.addContact(unit, name, email, admin.username());
            flash.addFlashAttribute("message", "已添加联系人 " + email + "。");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin";
    }

    @PostMapping("/admin/contacts/delete")
    String removeContact(@RequestParam long id, RedirectAttributes flash) {
        delivery.removeContact(id);
        flash.addFlashAttribute("message", "已删除联系人。");
        return "redirect:/admin";
    }
}
