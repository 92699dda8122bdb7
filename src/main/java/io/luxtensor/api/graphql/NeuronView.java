package io.luxtensor.api.graphql;

import io.luxtensor.ai.WeightsCheck;
import io.luxtensor.ai.yuma.UidResult;
import io.luxtensor.execution.system.MetagraphContract;
import io.luxtensor.execution.system.NeuronsContract;
import io.luxtensor.execution.system.StakeContract;
import io.luxtensor.execution.system.WeightsContract;
import io.luxtensor.state.StateReader;
import java.math.BigInteger;
import java.util.List;

/**
 * A UID as one request sees it: its record and its results of the subnet's last epoch, and the state they came from,
 * which its stake, last update and weights are read from. The methods read state: call them on a worker.
 */
record NeuronView(StateReader state, NeuronsContract.Neuron neuron, UidResult result) {

  static NeuronView read(StateReader state, NeuronsContract.Neuron neuron) {
    return new NeuronView(state, neuron, MetagraphContract.result(state, neuron.netuid(), neuron.uid()));
  }

  BigInteger stake() {
    return StakeContract.totalStake(state, neuron.netuid(), neuron.hotkey());
  }

  long lastUpdate() {
    return WeightsContract.lastUpdate(state, neuron);
  }

  List<WeightsCheck.Weight> weights() {
    return WeightsContract.row(state, neuron.netuid(), neuron.uid()).weights();
  }
}
