import type { PopupState } from '../../state/popup-store';
import { storeContext } from '../../state/use-store';

export const {
  Provider: PopupProvider,
  useSurface: usePopup,
  useSurfaceApi: usePopupApi,
} = storeContext<PopupState>('Popup');
