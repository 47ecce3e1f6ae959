/** Web helpers the mentoring features share: problem details that name the wrong fields. */
package app.tandem.mentoring.web;
