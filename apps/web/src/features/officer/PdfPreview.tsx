import { useEffect, useRef, useState } from 'react';

/** A PDF fetched into the page (a blob URL), let go when replaced, closed or the page goes. */
export function usePdfUrl() {
  const [url, setUrl] = useState<string | null>(null);
  const current = useRef<string | null>(null);
  const release = () => {
    if (current.current) URL.revokeObjectURL(current.current);
    current.current = null;
  };
  useEffect(() => release, []);
  return {
    url,
    show(pdf: Blob) {
      release();
      current.current = URL.createObjectURL(pdf);
      setUrl(current.current);
    },
    close() {
      release();
      setUrl(null);
    },
  };
}

/** The document itself in the page, in the browser's PDF viewer; the download beside it is the accessible copy. */
export function PdfFrame({ url, title }: { url: string; title: string }) {
  return <iframe className="document-viewer__frame" src={url} title={title} />;
}
