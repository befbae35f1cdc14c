package cn.zhenxing.schedule;

import cn.zhenxing.delivery.DeliveryService;
import cn.zhenxing.delivery.UnitContacts;
import cn.zhenxing.schedule.ScheduleFiles.Recipient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A unit's contacts: recipients.yml's unit-contacts (read at each call, as the schedules do) and cfg_unit_contact. */
@Component
class ConfiguredUnitContacts implements UnitContacts {

    private final Schedules schedules;
    private final DeliveryService delivery;

    ConfiguredUnitContacts(Schedules schedules, DeliveryService delivery) {
        this.schedules = schedules;
        this.delivery = delivery;
    }

    @Override
    public List<Contact> of(String unitCode) {
        List<Recipient> fromFiles;
        try {
            fromFiles = schedules.load().recipients();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return merged(fromFiles, delivery).stream().filter(r -> r.group().equals("unit-contacts") && unitCode.equals(r.unit()))
                .map(r -> new Contact(r.name(), r.email())).toList();
    }

    /** The recipients of the files with the administrator's unit contacts added (an address already there for the unit once). */
    static List<Recipient> merged(List<Recipient> fromFiles, DeliveryService delivery) {
        List<Recipient> all = new ArrayList<>(fromFiles);
        for (Map<String, Object> c : delivery.unitContacts()) {
            Recipient r = new Recipient((String) c.get("name"), (String) c.get("email"), "unit-contacts", null, (String) c.get("unit_code"));
            if (all.stream().noneMatch(x -> x.email().equalsIgnoreCase(r.email()) && r.unit().equals(x.unit()))) {
                all.add(r);
            }
        }
        return all;
    }
}
