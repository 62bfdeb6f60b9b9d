package org.mayorsoffice.casework.organisation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A council directorate, e.g. Children's Services. */
@Entity
@Table(name = "directorate")
class Directorate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Column(name = "enquiry_email")
    private String enquiryEmail;

    private boolean active = true;

    @Version
    private long version;

    protected Directorate() {}

    Directorate(String name, String enquiryEmail) {
        this.name = name;
        this.enquiryEmail = enquiryEmail;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getEnquiryEmail() {
        return enquiryEmail;
    }

    boolean isActive() {
        return active;
    }
}
