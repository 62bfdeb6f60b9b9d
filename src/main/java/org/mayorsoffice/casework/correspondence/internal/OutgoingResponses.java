package org.mayorsoffice.casework.correspondence.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Channel;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Direction;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Status;
import org.mayorsoffice.casework.responses.ResponseDispatched;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records every approved response that goes out as an outgoing item on its case, in the dispatching transaction. */
@Component
class OutgoingResponses {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final CorrespondenceService register;
    private final JdbcClient jdbc;

    OutgoingResponses(CorrespondenceService register, JdbcClient jdbc) {
        this.register = register;
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ResponseDispatched event) {
        Channel channel = "EMAIL".equals(event.channel()) ? Channel.EMAIL : Channel.LETTER;
        String recipient = event.recipient() + (event.recipientEmail() == null ? "" : " <" + event.recipientEmail() + ">");
        LocalDate sentOn = event.dispatchedAt() == null ? LocalDate.now(LONDON) : LocalDate.ofInstant(event.dispatchedAt(), LONDON);
        long id = register.insert(Direction.OUT, channel, Status.SENT, sentOn, null, null, null, event.recipientPersonId(),
                        recipient, event.memberId(), event.subject() == null || event.subject().isBlank() ? "Response" : event.subject(),
                        event.summary(), null, "RESPONSE", event.dispatchedBy() == null ? "System" : event.dispatchedBy())
                .orElseThrow();
        jdbc.sql("update correspondence_item set case_id = ?, approved_by = ?, dispatched_by = ? where id = ?")
                .params(event.caseId(), event.approvedBy(), event.dispatchedBy(), id).update();
    }
}
