/** The members area of an organization (search, roles, deactivation) and its audit log, for coordinators and org admins. */
package app.tandem.tenantadmin.members;
