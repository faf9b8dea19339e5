import jsQRModule from 'jsqr';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

// jsqr is CommonJS with a default export in its types: the module itself is the function.
const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

interface DecodedImage {
  width: number;
  height: number;
  /** pdf.js ImageKind: 1 grayscale 1 bit, 2 RGB 24 bits, 3 RGBA 32 bits. */
  kind: number;
  data: Uint8Array | Uint8ClampedArray;
}

const toRgba = (image: DecodedImage): Uint8ClampedArray => {
  if (image.kind === 3) return new Uint8ClampedArray(image.data);
  const pixels = image.width * image.height;
  const rgba = new Uint8ClampedArray(pixels * 4);
  if (image.kind === 2) {
    for (let p = 0; p < pixels; p++) {
      rgba.set(image.data.subarray(p * 3, p * 3 + 3), p * 4);
      rgba[p * 4 + 3] = 255;
    }
    return rgba;
  }
  throw new Error(`image kind ${image.kind} is not read here`);
};

/**
 * What a PDF holds, read back as a viewer and a scanner would: the text of each page (pdf.js)
 * and what every QR code drawn as an image decodes to (jsQR on the image's own pixels).
 */
export async function pdfContent(bytes: ArrayBuffer | Uint8Array): Promise<{
  pages: string[];
  images: number;
  qrCodes: string[];
}> {
  const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const pages: string[] = [];
  const qrCodes: string[] = [];
  let images = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    const operators = await page.getOperatorList();
    for (let i = 0; i < operators.fnArray.length; i++) {
      if (operators.fnArray[i] !== OPS.paintImageXObject) continue;
      images++;
      const name = (operators.argsArray[i] as [string])[0];
      const image = await new Promise<DecodedImage>((resolve) =>
        page.objs.get(name, (value: unknown) => resolve(value as DecodedImage)),
      );
      const decoded = jsQR(toRgba(image), image.width, image.height);
      if (decoded) qrCodes.push(decoded.data);
    }
  }
  return { pages, images, qrCodes };
}
