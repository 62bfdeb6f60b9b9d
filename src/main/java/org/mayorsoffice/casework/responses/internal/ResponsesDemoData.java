package org.mayorsoffice.casework.responses.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Demo letter templates and standard lines (default profile, first start). */
@Component
@Order(60)
@ConditionalOnBooleanProperty("casework.demo-data.enabled")
class ResponsesDemoData implements ApplicationRunner {

    private static final String[][] TEMPLATES = {
        {"Acknowledgement", "TEMPLATE", """
            Thank you for contacting {{member.name}} about {{case.subject}}. I am writing to let you know that your \
            message has been received and a caseworker in the Mayor's Office is looking into it.

            Your reference is {{case.reference}}. Please quote it if you contact us again about this matter.

            We aim to give you a full reply within 20 working days. If we need more information from you we will be in touch."""},
        {"Full reply after directorate response", "TEMPLATE", """
            Thank you for writing to me about {{case.subject}}.

            I raised your concerns with the council's officers, who have looked into the matter and responded as follows.

            [Summarise the directorate's response and what will happen next.]

            I hope this resolves the matter. If you remain unhappy, please contact my office quoting reference \
            {{case.reference}} and we will look at it again."""},
        {"Holding reply", "TEMPLATE", """
            I am writing about your enquiry regarding {{case.subject}} (our reference {{case.reference}}).

            My office has asked the relevant council service for a full response. This is taking longer than we would \
            like, and I did not want you to think your case had been forgotten.

            We will write to you again as soon as we have their answer."""},
        {"Referral to councillor", "TEMPLATE", """
            Thank you for your message about {{case.subject}}.

            As this is a matter for your local ward councillors, I have passed your message to them with your \
            permission, and they will contact you directly. Your reference with my office is {{case.reference}}."""},
        {"Data protection", "STANDARD_LINE", """
            We will use the information you have given us only to deal with your enquiry, in line with the council's \
            privacy notice, which you can read on the council's website."""},
        {"Apology for delay", "STANDARD_LINE", """
            I am sorry that it has taken longer than we aimed to reply to you, and I thank you for your patience."""},
        {"Housing register advice", "STANDARD_LINE", """
            If your housing circumstances change, please update your housing register application so that your \
            priority can be reassessed."""},
        {"Further help", "STANDARD_LINE", """
            If you need help with anything else, you can contact my office by email or by phone, or come to one of my \
            surgeries."""},
    };

    private final JdbcClient jdbc;

    ResponsesDemoData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from letter_template").query(Long.class).single() > 0) {
            return;
        }
        for (String[] t : TEMPLATES) {
            jdbc.sql("insert into letter_template (name, kind, body) values (?, ?, ?)")
                    .params(t[0], t[1], t[2].strip()).update();
        }
    }
}
