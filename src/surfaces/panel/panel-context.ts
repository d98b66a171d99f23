import type { PanelState } from '../../state/panel-store';
import { storeContext } from '../../state/use-store';

export const {
  Provider: PanelProvider,
  useSurface: usePanel,
  useSurfaceApi: usePanelApi,
} = storeContext<PanelState>('Panel');
