// How a matter card wires its form modal: a save closes it and reloads the matter with a notice; a version
// conflict (409) reloads the matter without one, leaving the modal open with the conflict message.

export function modalProps(close: () => void, onChanged: (text?: string) => void, savedText: string) {
  return {
    onClose: close,
    onReload: () => onChanged(),
    onSaved: () => {
      close();
      onChanged(savedText);
    },
  };
}
