import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../ui/fields';

/**
 * Reads a badge's QR code with the device's camera (getUserMedia; decoding by jsQR, loaded only
 * when the camera is opened). Calls onCode once per code seen, then waits for a different one.
 */
export function QrScanner({ onCode, onClose }: { onCode(code: string): void; onClose(): void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    let stream: MediaStream | undefined;
    let frame = 0;
    let last = '';
    let stopped = false;
    const canvas = document.createElement('canvas');
    const start = async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      } catch {
        setProblem(t('checkIn.noCamera'));
        return;
      }
      const { default: jsQR } = await import('jsqr');
      if (stopped || !video.current) return;
      video.current.srcObject = stream;
      await video.current.play();
      const tick = () => {
        const v = video.current;
        if (stopped || !v) return;
        if (v.videoWidth) {
          canvas.width = v.videoWidth;
          canvas.height = v.videoHeight;
          const context = canvas.getContext('2d', { willReadFrequently: true })!;
          context.drawImage(v, 0, 0);
          const image = context.getImageData(0, 0, canvas.width, canvas.height);
          const found = jsQR(image.data, image.width, image.height);
          if (found?.data && found.data !== last) {
            last = found.data;
            onCode(found.data);
          }
        }
        frame = requestAnimationFrame(tick);
      };
      tick();
    };
    void start();
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [onCode, t]);
  return (
    <div className="scanner">
      {problem ? (
        <Notice tone="error">{problem}</Notice>
      ) : (
        <video ref={video} muted playsInline aria-label={t('checkIn.cameraView')} />
      )}
      <button type="button" className="button button-secondary" onClick={onClose}>
        {t('checkIn.closeCamera')}
      </button>
    </div>
  );
}
