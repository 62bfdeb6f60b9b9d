package org.mayorsoffice.casework.organisation.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface DirectorateRepository extends JpaRepository<Directorate, Long> {}
