// Copying text for the user: a short notice when it worked, the one error path when it did not.
import { Notice } from "obsidian";
import { displayError } from "./display-error";

export async function copyText(text: string): Promise<void> {
	try {
		await navigator.clipboard.writeText(text);
		new Notice("Copied");
	} catch (error) {
		displayError("Could not copy to the clipboard.", error);
	}
}
