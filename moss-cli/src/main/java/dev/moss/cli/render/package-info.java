/** Text and JSON renderings of stones and check reports, kept apart from the commands that use them. */
package dev.moss.cli.render;
