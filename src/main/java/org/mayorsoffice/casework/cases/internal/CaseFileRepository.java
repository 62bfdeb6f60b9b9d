package org.mayorsoffice.casework.cases.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseFileRepository extends JpaRepository<CaseFile, Long> {}
