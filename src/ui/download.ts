/**
 * Offers text as a file download the way a page can: a Blob URL on a temporary a[download].
 * No `downloads` permission is needed, and nothing leaves the machine.
 */
export function downloadText(
  fileName: string,
  mimeType: string,
  text: string,
  doc: Document = document,
): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; the URL is not needed for it any more.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
