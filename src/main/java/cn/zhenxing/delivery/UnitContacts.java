package cn.zhenxing.delivery;

import java.util.List;

/**
 * The contacts of a reporting unit as configured: the group unit-contacts of schedules/recipients.yml
 * and those the administrator added (cfg_unit_contact), each address once. Implemented where
 * recipients.yml is read (package schedule), asked by every feature that mails a unit (the review
 * round's 退回), so that a unit's mails all reach the same people.
 */
public interface UnitContacts {

    record Contact(String name, String email) {
    }

    List<Contact> of(String unitCode);
}
