import type { OptionsState } from '../../state/options-store';
import { storeContext } from '../../state/use-store';

export const {
  Provider: OptionsProvider,
  useSurface: useOptions,
  useSurfaceApi: useOptionsApi,
} = storeContext<OptionsState>('Options');
