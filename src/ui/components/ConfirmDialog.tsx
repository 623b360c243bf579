/** The page's questions before it replaces work (store.confirm). */
import { usePlayground } from '../context';
import { Modal } from './Modal';

export function ConfirmDialog() {
  const request = usePlayground((s) => s.confirmRequest);
  const answer = usePlayground((s) => s.answerConfirm);
  if (request === null) return null;
  return (
    <Modal
      title={request.title}
      onClose={() => answer(false)}
      footer={
        <>
          <button type="button" className="btn" data-autofocus onClick={() => answer(false)}>
            {request.cancel ?? 'Cancel'}
          </button>
          <button type="button" className="btn btn-danger" onClick={() => answer(true)}>
            {request.confirm}
          </button>
        </>
      }
    >
      <p className="modal-text">{request.body}</p>
    </Modal>
  );
}
