/** Implementation detail: schema generation and validation. Not an API. */
package dev.switchboard.agent.internal;
