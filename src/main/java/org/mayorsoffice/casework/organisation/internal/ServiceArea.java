package org.mayorsoffice.casework.organisation.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A service within a directorate, e.g. Parking within Place. */
@Entity
@Table(name = "service_area")
class ServiceArea {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "directorate_id")
    private Directorate directorate;

    private String name;

    private boolean active = true;

    @Version
    private long version;

    protected ServiceArea() {}

    ServiceArea(Directorate directorate, String name) {
        this.directorate = directorate;
        this.name = name;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    Directorate getDirectorate() {
        return directorate;
    }
}
