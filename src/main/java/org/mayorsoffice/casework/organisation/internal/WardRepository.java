package org.mayorsoffice.casework.organisation.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface WardRepository extends JpaRepository<Ward, Long> {}
