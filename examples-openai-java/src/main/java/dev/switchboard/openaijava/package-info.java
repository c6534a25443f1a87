/** Switchboard's examples-openai-java module: see this module's README. */
package dev.switchboard.openaijava;
