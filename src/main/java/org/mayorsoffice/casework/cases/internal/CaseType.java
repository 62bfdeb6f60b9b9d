package org.mayorsoffice.casework.cases.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A kind of case with its two targets in working days (internal: draft to approval; external: response sent). */
@Entity
@Table(name = "case_type")
class CaseType {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;
    private String name;

    @Column(name = "internal_target_days")
    private int internalTargetDays;

    @Column(name = "external_target_days")
    private int externalTargetDays;

    private boolean active = true;

    @Version
    private long version;

    protected CaseType() {}

    Long getId() { return id; }
    String getName() { return name; }
    int getInternalTargetDays() { return internalTargetDays; }
    int getExternalTargetDays() { return externalTargetDays; }
    boolean isActive() { return active; }
}
