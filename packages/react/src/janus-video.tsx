import { type RefObject, type VideoHTMLAttributes, useEffect, useRef } from 'react';

/**
 * Shows `stream` (a MediaStream, or `null`) in the media element behind the returned ref, and
 * detaches it again when the stream changes or the element goes away.
 */
export function useMediaStream<T extends HTMLMediaElement>(stream: unknown, muted = false): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    // As a property: the `muted` attribute only sets the default, and autoplay rules read the property.
    element.muted = muted;
  }, [muted]);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.srcObject = (stream ?? null) as MediaStream | null;
    return () => {
      if (element.srcObject === stream) element.srcObject = null;
    };
  }, [stream]);
  return ref;
}

export interface JanusVideoProps extends Omit<VideoHTMLAttributes<HTMLVideoElement>, 'src' | 'children' | 'muted'> {
  /** `view.localStream` or `view.remoteStream`. */
  stream: unknown;
  /** Mute playback: always for the local stream, or you hear yourself. */
  muted?: boolean;
}

/** A `<video>` playing a call's stream: autoplay, inline on phones, muted when asked. */
export function JanusVideo({ stream, muted = false, ...props }: JanusVideoProps) {
  const ref = useMediaStream<HTMLVideoElement>(stream, muted);
  return <video ref={ref} autoPlay playsInline muted={muted} {...props} />;
}
