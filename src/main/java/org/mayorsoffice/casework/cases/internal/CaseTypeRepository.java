package org.mayorsoffice.casework.cases.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseTypeRepository extends JpaRepository<CaseType, Long> {}
