/** The public platform site on the apex host and each tenant's home page. */
package app.tandem.site;
