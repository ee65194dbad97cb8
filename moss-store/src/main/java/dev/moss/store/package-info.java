/**
 * The moss engine: operations on stones, trees and repositories. Nothing here prints or prompts;
 * operations report through result records and listener interfaces that the CLI implements.
 */
package dev.moss.store;
