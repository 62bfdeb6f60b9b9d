package org.mayorsoffice.casework.organisation.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceAreaRepository extends JpaRepository<ServiceArea, Long> {}
