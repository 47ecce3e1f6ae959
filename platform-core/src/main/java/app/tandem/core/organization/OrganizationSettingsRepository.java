package app.tandem.core.organization;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrganizationSettingsRepository extends JpaRepository<OrganizationSettings, Short> {}
