import { type PropType, defineComponent, h, onBeforeUnmount, shallowRef, watchPostEffect } from 'vue';

/**
 * A `<video>` showing a MediaStream from the view (`localStream` or `remoteStream`). Attributes such as
 * `aria-label` and `class` go to the `<video>`. Set `muted` for the local stream, or you hear yourself.
 */
export const JanusVideo = defineComponent({
  name: 'JanusVideo',
  props: {
    /** A MediaStream, or `null` to show nothing. Typed `unknown` as in the core's view. */
    stream: { type: null as unknown as PropType<unknown>, required: false },
    muted: { type: Boolean, default: false },
  },
  setup(props) {
    const video = shallowRef<HTMLVideoElement | null>(null);
    // srcObject is a DOM property with no attribute form, so it is set after render (never on the server).
    watchPostEffect(() => {
      const el = video.value;
      if (el && el.srcObject !== props.stream) el.srcObject = (props.stream ?? null) as MediaStream | null;
    });
    // Drop the reference, so a stream that ended is not kept alive by a detached element.
    onBeforeUnmount(() => {
      if (video.value) video.value.srcObject = null;
    });
    return () => h('video', { ref: video, autoplay: true, playsinline: true, muted: props.muted });
  },
});
