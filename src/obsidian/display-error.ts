// One path for errors the user should see: a notice, plus the console for the details.
import { Notice } from "obsidian";

export function displayError(message: string, error?: unknown): void {
	if (error !== undefined) console.error(`Conversation Threads: ${message}`, error);
	new Notice(message);
}
